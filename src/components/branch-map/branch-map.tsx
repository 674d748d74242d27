import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { NodeMouseHandler, ReactFlowInstance, Viewport } from '@xyflow/react';
import './branch-map.css';
import { applyHeat, buildMapGraph, createMapModelCache, type BranchMapDoc, type MapHeat } from './map-model';
import { buildFlowElements, createFlowCache, type MapFlowEdge, type MapFlowNode } from './flow-elements';
import { MapCanvas } from './map-canvas';
import { MapList } from './map-list';
import { MapStore, MapStoreContext } from './map-store';
import { nextNodeId } from './keyboard-nav';
import { MARK_FIRST_PAINT, useMapLayout } from './use-map-layout';
import { fromStage, initialViewport, isCentreVisible, toStage, usePrefersReducedMotion, zoomBand } from './map-view';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-constants';

/**
 * While dragging, the map's store follows the view at most this often (ms), and on release.
 * Maps up to MOUNT_ALL_MAX boxes are mounted whole, so a hand-over mounts nothing. On bigger maps
 * React Flow mounts boxes STAGE_MARGIN px beyond the view, so a box coming into view was mounted
 * (and rastered) at an earlier hand-over. Frequent small hand-overs beat rare large ones:
 * handing over every STAGE_MARGIN / 2 px instead made each one mount a whole row of boxes at
 * once, and the pan's longest frame grew (bench:twine with --before, 3 alternating runs, load
 * average 3.6-4.1: 67 against 50 ms). A hand-over that mounts a row of 10 boxes still takes about
 * 50 ms on the 2-core machine, nearly all of it React Flow's (node wrappers, measuring, edges):
 * with empty boxes it took as long.
 */
const PAN_COMMIT_MS = 100;

export interface BranchMapProps {
  doc: BranchMapDoc;
  selectedId?: string;
  problemsByNode?: Record<string, number>;
  onSelect?: (nodeId: string) => void;
  /** Facilitator view: selecting only happens when onSelect is given; no editing hints. */
  readOnly?: boolean;
  ariaLabel: string;
  /** Cohort heat map: counts on nodes and edges (read-only use). */
  heat?: MapHeat;
}

/** Branch map of a scenario or draft (valid or not): boxes per node, edges per choice and route. */
export function BranchMap({ doc, selectedId, problemsByNode, onSelect, readOnly = false, ariaLabel, heat }: BranchMapProps) {
  const flowId = `bm${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hintId = `${flowId}-hint`;
  const [view, setView] = useState<'map' | 'list'>('map');
  // Docs handed to the map are never changed in place, so each node is read once (see MapModelCache).
  const [modelCache] = useState(createMapModelCache);
  const graph = useMemo(() => applyHeat(buildMapGraph(doc, modelCache), heat), [doc, heat, modelCache]);
  const layout = useMapLayout(graph);
  // A mutable cache of built elements, kept for the life of the map (see buildFlowElements).
  const [cache] = useState(createFlowCache);
  const flow = useMemo(() => (layout ? buildFlowElements(graph, layout.positions, flowId, cache) : null), [graph, layout, flowId, cache]);
  const [store] = useState(() => new MapStore());
  useLayoutEffect(() => {
    store.setSelected(selectedId);
  }, [store, selectedId]);
  useLayoutEffect(() => {
    store.setProblems(problemsByNode);
  }, [store, problemsByNode]);
  const reducedMotion = usePrefersReducedMotion();
  const select = readOnly && !onSelect ? undefined : onSelect;
  const problemNodes = useMemo(() => Object.values(problemsByNode ?? {}).filter((n) => n > 0).length, [problemsByNode]);

  // Latest values for stable callbacks (the canvas must not re-render when the parent does).
  const latest = useRef({ select, flow, graph, reducedMotion });
  useLayoutEffect(() => {
    latest.current = { select, flow, graph, reducedMotion };
  });

  // Canvas size, kept by a ResizeObserver so no handler forces a layout to read it.
  const canvasRef = useRef<HTMLDivElement | null>(null);
  const band = useRef('');
  const size = useRef({ width: 0, height: 0 });
  const observer = useRef<ResizeObserver | null>(null);
  const setCanvas = useCallback((el: HTMLDivElement | null) => {
    observer.current?.disconnect();
    canvasRef.current = el;
    band.current = '';
    if (!el) return;
    const r = el.getBoundingClientRect();
    size.current = { width: r.width, height: r.height };
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => {
      if (entry) size.current = { width: entry.contentRect.width, height: entry.contentRect.height };
    });
    observer.current.observe(el);
  }, []);

  // The first viewport comes from the first layout and the canvas size (no fit animation).
  const [startViewport, setStartViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    if (startViewport || !flow || !canvasRef.current) return;
    setStartViewport(toStage(initialViewport(flow.nodes, graph.startId, size.current.width, size.current.height)));
  }, [flow, startViewport, graph.startId, view]);

  // 'branch-map:first-paint': after the first frame that shows node boxes.
  const painted = useRef(false);
  useEffect(() => {
    if (painted.current || !flow || !startViewport) return;
    let frames = 0;
    let raf = 0;
    const check = () => {
      const ready = flow.nodes.length === 0 || canvasRef.current?.querySelector('.react-flow__node');
      if (!ready && frames++ < 120) {
        raf = requestAnimationFrame(check);
        return;
      }
      painted.current = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        try {
          performance.mark(MARK_FIRST_PAINT);
        } catch {
          /* best effort */
        }
      };
      channel.port2.postMessage(null); // a task after this frame, i.e. after it was painted
    };
    raf = requestAnimationFrame(check);
    return () => cancelAnimationFrame(raf);
  }, [flow, startViewport]);

  const instance = useRef<ReactFlowInstance<MapFlowNode, MapFlowEdge> | null>(null);
  const onMove = useCallback((_: unknown, vp: Viewport) => {
    const next = zoomBand(vp.zoom);
    if (next !== band.current && canvasRef.current) {
      band.current = next;
      canvasRef.current.dataset.zoom = next;
    }
  }, []);
  // Dragging empty canvas pans the view. React Flow's own drag pan (d3-zoom) writes every pointer
  // move into its store, and every mounted box and edge re-runs its store selector, the culling of
  // onlyRenderVisibleElements re-runs and boxes mount and unmount: side by side with Twine 2 at 200
  // nodes (scripts/bench-twine.ts) a move took 25 ms to paint against Twine's 16 (Twine scrolls and
  // runs no script). Here a move only writes the viewport's transform, which the compositor applies
  // to the viewport's own layer (branch-map.css; the dotted grid is painted in that layer too); the
  // store follows at most every PAN_COMMIT_MS, so culling, the minimap and the boxes coming into
  // view catch up at that rate, and on release. Like Twine, the drag captures
  // the pointer, so the browser does not hit-test the boxes and edges under it on every move.
  const pan = useRef<{
    pointerId: number;
    startX: number;
    startY: number;
    from: Viewport;
    at: Viewport;
    committed: number;
    viewport: HTMLElement | null;
  } | null>(null);
  const onPointerDown = useCallback((event: PointerEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    const rf = instance.current;
    // Touch drags and pinches stay with React Flow (see MapCanvas); the middle button pans too.
    if (!rf || !event.isPrimary || event.pointerType === 'touch' || event.button > 1 || !target.classList.contains('react-flow__pane'))
      return;
    try {
      target.setPointerCapture(event.pointerId);
    } catch {
      return; // the pointer is already gone
    }
    const from = rf.getViewport();
    pan.current = {
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      from,
      at: from,
      committed: performance.now(),
      viewport: canvasRef.current?.querySelector<HTMLElement>('.react-flow__viewport') ?? null,
    };
    canvasRef.current?.classList.add('is-panning');
  }, []);
  const onPointerMove = useCallback((event: PointerEvent<HTMLDivElement>) => {
    const p = pan.current;
    const rf = instance.current;
    if (!p || !rf || event.pointerId !== p.pointerId) return;
    const at = { x: p.from.x + event.clientX - p.startX, y: p.from.y + event.clientY - p.startY, zoom: p.from.zoom };
    p.at = at;
    if (p.viewport) p.viewport.style.transform = `translate(${at.x}px, ${at.y}px) scale(${at.zoom})`;
    const now = performance.now();
    if (now - p.committed >= PAN_COMMIT_MS) {
      p.committed = now;
      void rf.setViewport(at);
    }
  }, []);
  const endPan = useCallback((event: PointerEvent<HTMLDivElement>) => {
    const p = pan.current;
    if (!p || event.pointerId !== p.pointerId) return;
    pan.current = null;
    canvasRef.current?.classList.remove('is-panning');
    if (p.at !== p.from) void instance.current?.setViewport(p.at);
  }, []);
  const onInit = useCallback(
    (rf: ReactFlowInstance<MapFlowNode, MapFlowEdge>) => {
      instance.current = rf;
      onMove(null, rf.getViewport());
    },
    [onMove],
  );

  /** Bring a node into view; jumps (no animation) for keyboard moves and reduced motion. */
  const reveal = useCallback((id: string, jump: boolean) => {
    const rf = instance.current;
    const p = latest.current.flow?.nodes.find((n) => n.id === id)?.position;
    if (!rf || !p) return;
    if (isCentreVisible(p, fromStage(rf.getViewport()), size.current.width, size.current.height)) return;
    void rf.setCenter(p.x + NODE_WIDTH / 2, p.y + NODE_HEIGHT / 2, {
      zoom: Math.max(rf.getZoom(), 0.6),
      duration: jump || latest.current.reducedMotion ? 0 : 250,
    });
  }, []);

  // When the selection changes from outside (problems panel, inspector), show the node.
  useEffect(() => {
    if (selectedId) reveal(selectedId, false);
  }, [selectedId, reveal]);

  const focusNode = useCallback(
    (id: string) => {
      reveal(id, true);
      let tries = 0;
      const attempt = () => {
        const el = canvasRef.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        if (el) el.focus({ preventScroll: true });
        else if (tries++ < 30) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [reveal],
  );

  // Tab also reaches the boxes mounted in the overhang just outside the view (STAGE_MARGIN):
  // bring a box that takes keyboard focus into view. React Flow's own autoPanOnNodeFocus counts
  // the overhang as visible, so it is off (MapCanvas) and this is the one rule. (A click selects
  // the box, and selecting reveals it, above.)
  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const target = event.target as Element;
      const id = target.closest?.('.react-flow__node')?.getAttribute('data-id');
      if (id && target.matches(':focus-visible')) reveal(id, true);
    },
    [reveal],
  );

  const selectIfReal = useCallback((id: string) => {
    const { select: sel, graph: g } = latest.current;
    if (sel && g.nodes.find((n) => n.id === id)?.kind !== 'missing') sel(id);
  }, []);
  const onNodeClick = useCallback<NodeMouseHandler<MapFlowNode>>((_, node) => selectIfReal(node.id), [selectIfReal]);
  const onGoToStart = useCallback(() => {
    const g = latest.current.graph;
    const id = g.startId ?? g.nodes[0]?.id;
    if (id) focusNode(id);
  }, [focusNode]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const id = (event.target as HTMLElement).closest?.('.react-flow__node')?.getAttribute('data-id');
      if (!id) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        selectIfReal(id);
        return;
      }
      const placed = latest.current.flow?.nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y })) ?? [];
      const next = nextNodeId(placed, id, event.key);
      if (next) {
        event.preventDefault();
        focusNode(next);
      }
    },
    [focusNode, selectIfReal],
  );

  return (
    <section className="branch-map" aria-label={ariaLabel}>
      <div className="bm-toolbar">
        <p className="bm-summary" id={hintId}>
          {graph.nodes.length} {graph.nodes.length === 1 ? 'node' : 'nodes'}, {graph.edges.length}{' '}
          {graph.edges.length === 1 ? 'link' : 'links'}
          {problemNodes > 0 && `, ${problemNodes} with problems`}.{' '}
          {view === 'map' && <span className="bm-hint">Tab to a box, arrow keys move between boxes{select ? ', Enter selects' : ''}.</span>}
        </p>
        <div className="bm-views" role="group" aria-label="Show the map as">
          <button type="button" className="button small secondary" aria-pressed={view === 'map'} onClick={() => setView('map')}>
            Map
          </button>
          <button type="button" className="button small secondary" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            List
          </button>
        </div>
      </div>
      {view === 'list' ? (
        // Read-only lists have nothing focusable inside: the scrolling box itself takes focus.
        <div className="bm-list-wrap" {...(select ? {} : { tabIndex: 0, role: 'group', 'aria-label': `${ariaLabel}, as a list` })}>
          <MapList
            graph={graph}
            {...(selectedId !== undefined ? { selectedId } : {})}
            {...(problemsByNode ? { problemsByNode } : {})}
            {...(select ? { onSelect: select } : {})}
          />
        </div>
      ) : (
        <div
          className="bm-canvas"
          ref={setCanvas}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endPan}
          onPointerCancel={endPan}
          onLostPointerCapture={endPan}
          data-zoom="near"
        >
          {!flow || !startViewport ? (
            <p className="bm-loading" role="status">
              Laying out the map…
            </p>
          ) : (
            <MapStoreContext.Provider value={store}>
              <MapCanvas
                flowId={flowId}
                hintId={hintId}
                nodes={flow.nodes}
                edges={flow.edges}
                startViewport={startViewport}
                reducedMotion={reducedMotion}
                onInit={onInit}
                onMove={onMove}
                onNodeClick={onNodeClick}
                onGoToStart={onGoToStart}
              />
            </MapStoreContext.Provider>
          )}
        </div>
      )}
    </section>
  );
}
