import type { DraftDoc, NodeKind } from '../../../domain/edit/ops';

export type {
  DraftDoc,
  NodeInput,
  MomentInput,
  RouteNodeInput,
  EndingInput,
  ChoiceInput,
  RouteInput,
  NodeKind,
} from '../../../domain/edit/ops';

export const KIND_LABELS: Readonly<Record<NodeKind, string>> = { moment: 'Moment', route: 'Route node', ending: 'Ending' };

/** Meters as [id, label] pairs in document order. */
export const meterList = (doc: DraftDoc): [string, string][] => Object.entries(doc.meters ?? {}).map(([id, m]) => [id, m.label || id]);
