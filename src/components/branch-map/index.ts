export { BranchMap, type BranchMapProps } from './branch-map';
export type { BranchMapDoc } from './map-model';
export { MARK_FIRST_PAINT, MARK_LAYOUT_DONE, MARK_LAYOUT_START } from './use-map-layout';
