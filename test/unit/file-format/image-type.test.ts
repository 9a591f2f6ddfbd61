import { describe, expect, it } from "vitest";
import { assetFromDataUrl } from "../../../shared/asset-policy";
import { sniffImageType } from "../../../shared/image-type";
import { leadImage } from "../../support/seed-article";

// Images are what their bytes say, not what their label or file name says.

const b64 = (bytes: number[] | string) => Buffer.from(typeof bytes === "string" ? bytes : Uint8Array.from(bytes)).toString("base64");

describe("image types from the bytes", () => {
  it.each([
    ["image/png", leadImage().base64],
    ["image/jpeg", b64([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])],
    ["image/gif", b64("GIF89a\x01\x00\x01\x00")],
    ["image/webp", b64("RIFF\x24\x00\x00\x00WEBPVP8 ")],
    ["image/avif", b64("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00")],
  ])("recognises %s", (type, data) => {
    expect(sniffImageType(data)).toBe(type);
  });

  it.each([
    ["an HTML page", b64("<html><script>alert(1)</script>")],
    ["an SVG", b64('<svg xmlns="http://www.w3.org/2000/svg">')],
    ["empty data", ""],
    ["broken base64", "@@@@"],
  ])("refuses %s", (_name, data) => {
    expect(sniffImageType(data)).toBeNull();
  });

  it("takes a pasted image's type from its bytes, whatever its data: URL says", () => {
    const jpeg = b64([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    expect(assetFromDataUrl(`data:image/png;base64,${jpeg}`)).toEqual({ type: "image/jpeg", data: jpeg });
    expect(assetFromDataUrl(`data:image/png;base64,${b64("<svg onload=alert(1)>")}`)).toBeNull();
  });
});
