/// <reference lib="webworker" />
import { computeLayout, type LayoutInput } from './layout';

export interface LayoutRequest {
  requestId: number;
  input: LayoutInput;
}
export type LayoutResponse =
  { requestId: number; ok: true; result: ReturnType<typeof computeLayout> } | { requestId: number; ok: false; message: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { requestId, input } = event.data;
  let response: LayoutResponse;
  try {
    response = { requestId, ok: true, result: computeLayout(input) };
  } catch (error) {
    response = { requestId, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(response);
};
