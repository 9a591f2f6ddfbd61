// Deeply nested markup made flat, for paste (renderer/src/editor/paste.ts) and import
// (electron/services/import-files.ts): a chain of 10,000 nested elements would cost every walk
// over the page 10,000 steps (Readability asks each element for its text: 30 s for a 1 MB hostile
// page), and would nest the article past the file format's depth limit.

/// The parts of a DOM element (the page's, or linkedom's) the flattening uses.
export interface TreeElement {
  readonly children: ArrayLike<TreeElement>;
  readonly textContent: string | null;
  readonly ownerDocument: { createTextNode(text: string): unknown } | null;
  replaceWith(node: unknown): void;
}

/// Replaces every element nested more than `maxDepth` levels under `root` by its text (no word
/// lost), without recursion.
export function flattenDeep(root: TreeElement, maxDepth: number): void {
  const stack: { element: TreeElement; depth: number }[] = [{ element: root, depth: 0 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    for (const child of Array.from(element.children)) {
      if (depth + 1 >= maxDepth) child.replaceWith(child.ownerDocument!.createTextNode(` ${child.textContent ?? ""} `));
      else stack.push({ element: child, depth: depth + 1 });
    }
  }
}
