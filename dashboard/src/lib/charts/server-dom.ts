// A minimal DOM for rendering Observable Plot on the server: the few node operations Plot and d3-selection make, serialized as linkedom serializes an HTML document's SVG (the chart snapshots are byte for byte the same), at a fraction of linkedom's cost per node.

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Text as linkedom escapes it (&, <, > and the no-break space only). */
const TEXT_ESCAPES: Record<string, string> = { '\xA0': '&#160;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeText = (text: string) => text.replace(/[<>&\xA0]/gu, (c) => TEXT_ESCAPES[c]!);

/** Attributes written with no value when empty (linkedom's list); an empty id, class or style is left out. */
const EMPTY_ATTRIBUTES = new Set(['allowfullscreen', 'allowpaymentrequest', 'async', 'autofocus', 'autoplay', 'checked', 'class', 'contenteditable', 'controls', 'default', 'defer', 'disabled', 'draggable', 'formnovalidate', 'hidden', 'id', 'ismap', 'itemscope', 'loop', 'multiple', 'muted', 'nomodule', 'novalidate', 'open', 'playsinline', 'readonly', 'required', 'reversed', 'selected', 'style', 'truespeed']);

/** Properties a caller may read on a node that does not have them (d3 keeps a node's datum in __data__ and event handlers in __on). */
const ABSENT_ALLOWED = new Set(['__data__', '__on']);

/**
 * The end of every node's prototype chain: a property neither the node nor its class has (a DOM feature this DOM lacks)
 * throws instead of reading as undefined, so a Plot upgrade needing more of the DOM fails loudly (chart tests) rather than
 * drawing something else; Object.prototype's members and symbols read as usual.
 */
const STRICT_END = new Proxy(Object.prototype, {
	get(target, property, receiver) {
		if (typeof property === 'symbol' || property in target || ABSENT_ALLOWED.has(property)) return Reflect.get(target, property, receiver);
		throw new Error(`server-dom: ${property} is not implemented`);
	}
});

abstract class ServerNode {
	parentNode: ServerElement | null = null;
	abstract readonly nodeType: number;
	constructor(readonly ownerDocument: ServerDocument) {}

	get parentElement(): ServerElement | null {
		return this.parentNode;
	}

	get nextSibling(): ServerNode | null {
		const siblings = this.parentNode?.childNodes;
		if (!siblings) return null;
		return siblings[siblings.indexOf(this) + 1] ?? null;
	}

	get previousSibling(): ServerNode | null {
		const siblings = this.parentNode?.childNodes;
		if (!siblings) return null;
		return siblings[siblings.indexOf(this) - 1] ?? null;
	}

	remove(): void {
		this.parentNode?.removeChild(this);
	}

	abstract get textContent(): string;
	abstract serialize(out: string[]): void;
}

class ServerText extends ServerNode {
	readonly nodeType = 3;
	constructor(ownerDocument: ServerDocument, public data: string) {
		super(ownerDocument);
	}

	get textContent(): string {
		return this.data;
	}

	set textContent(text: string) {
		this.data = String(text);
	}

	get nodeValue(): string {
		return this.data;
	}

	serialize(out: string[]): void {
		out.push(escapeText(this.data));
	}
}

class ServerElement extends ServerNode {
	readonly nodeType = 1;
	readonly childNodes: ServerNode[] = [];
	/** Attributes by name in the order first set; serialized newest first, as linkedom links each new one after the tag. */
	readonly #attributes = new Map<string, string>();

	constructor(
		ownerDocument: ServerDocument,
		readonly namespaceURI: string,
		readonly localName: string
	) {
		super(ownerDocument);
	}

	get tagName(): string {
		return this.namespaceURI === SVG_NS ? this.localName : this.localName.toUpperCase();
	}

	get nodeName(): string {
		return this.tagName;
	}

	get children(): ServerElement[] {
		return this.childNodes.filter((n): n is ServerElement => n instanceof ServerElement);
	}

	get firstChild(): ServerNode | null {
		return this.childNodes[0] ?? null;
	}

	get lastChild(): ServerNode | null {
		return this.childNodes.at(-1) ?? null;
	}

	get ownerSVGElement(): ServerElement | null {
		let node = this.parentNode;
		while (node && node.localName !== 'svg') node = node.parentNode;
		return node;
	}

	setAttribute(name: string, value: unknown): void {
		this.#attributes.set(name, String(value));
	}

	setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
		this.setAttribute(name, value);
	}

	getAttribute(name: string): string | null {
		return this.#attributes.get(name) ?? null;
	}

	hasAttribute(name: string): boolean {
		return this.#attributes.has(name);
	}

	removeAttribute(name: string): void {
		this.#attributes.delete(name);
	}

	removeAttributeNS(_namespace: string | null, name: string): void {
		this.removeAttribute(name);
	}

	appendChild<T extends ServerNode>(child: T): T {
		return this.insertBefore(child, null);
	}

	append(...nodes: (ServerNode | string)[]): void {
		for (const node of nodes) this.appendChild(typeof node === 'string' ? this.ownerDocument.createTextNode(node) : node);
	}

	insertBefore<T extends ServerNode>(child: T, before: ServerNode | null): T {
		if (child === before) return child;
		child.parentNode?.removeChild(child);
		const at = before ? this.childNodes.indexOf(before) : -1;
		if (at < 0) this.childNodes.push(child);
		else this.childNodes.splice(at, 0, child);
		child.parentNode = this;
		return child;
	}

	removeChild<T extends ServerNode>(child: T): T {
		const at = this.childNodes.indexOf(child);
		if (at >= 0) this.childNodes.splice(at, 1);
		child.parentNode = null;
		return child;
	}

	replaceWith(...nodes: ServerNode[]): void {
		const parent = this.parentNode;
		if (!parent) return;
		for (const node of nodes) parent.insertBefore(node, this);
		parent.removeChild(this);
	}

	get textContent(): string {
		return this.childNodes.map((n) => n.textContent).join('');
	}

	set textContent(text: string | null) {
		for (const child of this.childNodes) child.parentNode = null;
		this.childNodes.length = 0;
		if (text !== null && text !== undefined && text !== '') this.appendChild(this.ownerDocument.createTextNode(String(text)));
	}

	get outerHTML(): string {
		const out: string[] = [];
		this.serialize(out);
		return out.join('');
	}

	serialize(out: string[]): void {
		out.push('<', this.localName);
		const names = [...this.#attributes.keys()];
		for (let i = names.length - 1; i >= 0; i--) {
			const name = names[i]!;
			const value = this.#attributes.get(name)!;
			if (EMPTY_ATTRIBUTES.has(name) && !value) {
				if (name !== 'id' && name !== 'class' && name !== 'style') out.push(' ', name);
			} else {
				// linkedom leaves attribute values of an HTML document unescaped but for the quotes
				out.push(' ', name, '="', value.replace(/"/gu, '&quot;'), '"');
			}
		}
		if (this.childNodes.length === 0) {
			out.push(this.namespaceURI === SVG_NS ? ' />' : `></${this.localName}>`);
			return;
		}
		out.push('>');
		for (const child of this.childNodes) child.serialize(out);
		out.push('</', this.localName, '>');
	}
}

/** The document Plot is given: it creates detached SVG (and HTML) elements and text nodes. */
export class ServerDocument {
	readonly documentElement: ServerElement = new ServerElement(this, XHTML_NS, 'html');
	readonly defaultView = null;

	createElementNS(namespace: string | null, name: string): ServerElement {
		return new ServerElement(this, namespace ?? XHTML_NS, name);
	}

	createElement(name: string): ServerElement {
		return new ServerElement(this, XHTML_NS, name.toLowerCase());
	}

	createTextNode(text: string): ServerText {
		return new ServerText(this, String(text));
	}
}

Object.setPrototypeOf(ServerNode.prototype, STRICT_END);
Object.setPrototypeOf(ServerDocument.prototype, STRICT_END);

export type { ServerElement };
