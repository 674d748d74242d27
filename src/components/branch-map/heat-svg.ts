import { computeLayout } from './layout';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-constants';
import { applyHeat, buildMapGraph, kindText, type BranchMapDoc, type MapHeat } from './map-model';
import { edgeGeometry } from './map-edge';

/** The stance colours of global.css, fixed here because an exported file has no stylesheet. */
const TONES: Readonly<Record<string, string>> = {
  partnering: '#1d6b3f',
  directing: '#4338a8',
  rescuing: '#8f4a00',
  colluding: '#8f2a6b',
  avoiding: '#46515e',
  route: '#1f4e5f',
  unknown: '#a1261b',
};
const WIDTHS = [1.5, 2.5, 4.5, 7, 10];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The heat map as a standalone SVG document (for slides and handouts): the same layout, edges
 * and labels as the on-screen map, text escaped, colours inline, a title and a key.
 */
export function heatMapSvg(doc: BranchMapDoc, heat: MapHeat, title: string): string {
  const graph = applyHeat(buildMapGraph(doc), heat);
  const ids = graph.nodes.map((n) => n.id);
  const layout = computeLayout({
    ids,
    links: graph.edges.map((e) => [e.source, e.target]),
    ...(graph.startId ? { startId: graph.startId } : {}),
  });
  const pos = new Map(ids.map((id, i) => [id, { x: layout.xs[i] ?? 0, y: layout.ys[i] ?? 0 }]));
  const xs = [...pos.values()].map((p) => p.x);
  const ys = [...pos.values()].map((p) => p.y);
  const pad = 40;
  const top = 70;
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - top;
  const width = Math.max(...xs, 0) + NODE_WIDTH + pad - minX;
  const height = Math.max(...ys, 0) + NODE_HEIGHT + pad - minY;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, Arial, sans-serif" role="img" aria-label="${esc(title)}">`,
  );
  out.push(`<title>${esc(title)}</title>`);
  out.push(`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${minX + pad}" y="${minY + 32}" font-size="20" font-weight="700" fill="#1b2430">${esc(title)}</text>`);
  out.push(
    `<text x="${minX + pad}" y="${minY + 54}" font-size="13" fill="#4a5563">Edge labels: attempts that chose the response · share of those who reached the moment. Line width grows with the share.</text>`,
  );
  out.push('<defs>');
  for (const [tone, colour] of Object.entries(TONES))
    out.push(
      `<marker id="arrow-${tone}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="14" markerHeight="14" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`,
    );
  out.push('</defs>');
  for (const e of graph.edges) {
    const s = pos.get(e.source);
    const t = pos.get(e.target);
    if (!s || !t) continue;
    const tone = e.type === 'route' ? 'route' : (e.stance ?? 'unknown');
    const offset = (e.parallelIndex - (e.parallelCount - 1) / 2) * 70;
    const spread = e.parallelCount > 1 ? (e.parallelIndex / (e.parallelCount - 1) - 0.5) * 0.4 : e.type === 'route' ? 0.22 : 0;
    const g = edgeGeometry(s.x + NODE_WIDTH / 2, s.y + NODE_HEIGHT, t.x + NODE_WIDTH / 2, t.y, offset, e.source === e.target, 0.5 + spread);
    const w = WIDTHS[e.heat ?? 0] ?? 1.5;
    out.push(
      `<path d="${g.path}" fill="none" stroke="${TONES[tone]}" stroke-width="${w}"${e.heat === 0 ? ' stroke-dasharray="3 4"' : ''} marker-end="url(#arrow-${tone})"><title>${esc(e.description)}</title></path>`,
    );
    out.push(
      `<text x="${g.labelX}" y="${g.labelY}" text-anchor="middle" dominant-baseline="central" font-size="12" font-weight="700" fill="${TONES[tone]}" stroke="#ffffff" stroke-width="5" paint-order="stroke">${esc(cut(e.label, 30))}</text>`,
    );
  }
  for (const n of graph.nodes) {
    const p = pos.get(n.id)!;
    const border = n.kind === 'ending' ? '#1f4e5f' : '#8a8479';
    out.push(
      `<g><rect x="${p.x}" y="${p.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${n.kind === 'route' ? '#e3eef1' : '#ffffff'}" stroke="${border}" stroke-width="${n.kind === 'ending' ? 2 : 1}"${n.kind === 'route' ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    out.push(
      `<text x="${p.x + 12}" y="${p.y + 20}" font-size="11" font-weight="700" fill="#4a5563">${esc(kindText(n).toUpperCase())}${n.isStart ? ' · START' : ''}</text>`,
    );
    out.push(
      `<text x="${p.x + 12}" y="${p.y + 40}" font-size="13" font-weight="700" font-family="ui-monospace, Menlo, Consolas, monospace" fill="#1b2430">${esc(cut(n.id, 26))}</text>`,
    );
    out.push(`<text x="${p.x + 12}" y="${p.y + 62}" font-size="13" font-weight="700" fill="#1b2430">${esc(cut(n.heat ?? '', 30))}</text>`);
    out.push(`<text x="${p.x + 12}" y="${p.y + 82}" font-size="11" fill="#4a5563">${esc(cut(n.snippet, 36))}</text></g>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
