/**
 * An attachment for rendered lesson HTML: code blocks that may scroll sideways get a tab stop,
 * so keyboard users can scroll them too.
 */
export function focusableCode(node: HTMLElement): void {
	for (const pre of node.querySelectorAll('pre')) pre.tabIndex = 0;
}
