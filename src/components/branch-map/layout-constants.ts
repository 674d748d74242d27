/** Size of every node box and the gaps between them: equal sizes let the layout depend only on ids and links. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 96;
export const NODE_SEP = 48;
export const RANK_SEP = 110;
