import type { Channel, IpcError, RequestOf, ResultOf } from "../../../shared/ipc";

/// A failure reported by the main process, carried as an exception inside the renderer only.
export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

/// Calls the main process; resolves with the value or throws ApiError with the user-readable message.
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResultOf<C>> {
  const result = await window.copydesk.invoke(channel, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
