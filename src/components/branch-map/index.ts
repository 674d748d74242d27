export { BranchMap, type BranchMapProps } from './branch-map';
export type { BranchMapDoc, MapHeat } from './map-model';
export { choiceEdgeId, routeEdgeId } from './map-model';
export { heatMapSvg } from './heat-svg';
export { MARK_FIRST_PAINT, MARK_LAYOUT_DONE, MARK_LAYOUT_START } from './use-map-layout';
