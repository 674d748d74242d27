/**
 * SVG arrowheads, one `<marker>` per kind, with ids `${idPrefix}-arrow-${kind}`: put them inside an
 * SVG's `<defs>` and point an edge's `markerEnd` at `url(#…)`. The studio's branch map and the
 * facilitator view's static map both draw with them (sizes in user units, so zoom scales them).
 */
export function ArrowMarkerDefs({
  idPrefix,
  kinds,
  size,
  pathClass,
}: {
  readonly idPrefix: string;
  readonly kinds: readonly string[];
  readonly size: number;
  readonly pathClass: (kind: string) => string;
}) {
  return kinds.map((kind) => (
    <marker
      key={kind}
      id={`${idPrefix}-arrow-${kind}`}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth={size}
      markerHeight={size}
      markerUnits="userSpaceOnUse"
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" className={pathClass(kind)} />
    </marker>
  ));
}
