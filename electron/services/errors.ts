import type { IpcError, IpcErrorCode } from "../../shared/ipc";

/// A failure with a message for the user; services throw it and the IPC boundary turns it into a value.
export class UserFacingError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = "UserFacingError";
  }

  toIpcError(): IpcError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/// Plain words for a file-system error, e.g. "The disk is full."
export function describeFsError(error: unknown, action: string, path: string): UserFacingError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EACCES: "you do not have permission to write there",
    EPERM: "the system does not allow it",
    EROFS: "the disk is read-only",
    ENOENT: "the folder does not exist (was it moved, deleted, or a drive disconnected?)",
    ENOTDIR: "part of the path is not a folder",
    EISDIR: "there is a folder with that name",
    EMFILE: "too many files are open",
    EBUSY: "the file is in use by another program",
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new UserFacingError(code === "ENOENT" ? "not-found" : "io", `Could not ${action} ${path}: ${reason}.`);
}
