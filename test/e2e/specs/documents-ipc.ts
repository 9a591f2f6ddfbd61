import type { Page } from "@playwright/test";
import type { Channel, CopydeskApi, IpcResult, RequestOf, ResultOf } from "../../../shared/ipc";

// For the document specs: asks the main process something from the page, through the same
// `window.copydesk` API the renderer uses, for what the renderer has no panel for yet.

/// Calls a channel from the page; resolves with the value or fails the test with the app's message.
export async function invoke<C extends Channel>(page: Page, channel: C, request: RequestOf<C>): Promise<ResultOf<C>> {
  const result = (await page.evaluate(
    ([c, r]) => (window as unknown as { copydesk: CopydeskApi }).copydesk.invoke(c as Channel, r as never),
    [channel, request] as const,
  )) as IpcResult<ResultOf<C>>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
