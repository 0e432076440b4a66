/**
 * The hover card as a test reaches it. The card lives in a closed shadow root, which no script of the page (nor
 * Playwright's selectors, which run as page scripts) can enter. Tests find it as assistive technology does: the
 * browser's accessibility tree, read over the DevTools protocol, has a dialog named by the card's title inside our
 * host. Parts of the card are found by role and name (the accessibility tree) or by selector, and clicked with the
 * real mouse at their place on screen, so a click is the user's own (isTrusted), never a script's click().
 *
 * The methods follow Playwright's Locator (waitFor, getAttribute, evaluate, click…), retrying until the card is
 * there as a locator does.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { LENS_HOST_ATTRIBUTE } from '../../entrypoints/content/tunables';

/** Our one element on a page (the card's host), for page scripts and Playwright selectors. */
export const LENS_HOST_SELECTOR = `[${LENS_HOST_ATTRIBUTE}]`;

type Target = Page | Frame;
type State = 'visible' | 'hidden' | 'attached' | 'detached';
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const OBJECT_GROUP = 'yibao-lens-card-test';
const DEFAULT_TIMEOUT = 5000;

const isFrame = (target: Target): target is Frame => typeof (target as Frame).parentFrame === 'function';
const pageOf = (target: Target): Page => (isFrame(target) ? target.page() : target);

const sessions = new WeakMap<Page | Frame, Promise<CDPSession | null>>();
function sessionFor(owner: Page | Frame): Promise<CDPSession | null> {
  let session = sessions.get(owner);
  if (!session) {
    const page = isFrame(owner) ? owner.page() : owner;
    // A session of its own exists only for a frame in another process (a cross-site frame); others share the page's.
    session = page
      .context()
      .newCDPSession(owner)
      .catch(() => null);
    sessions.set(owner, session);
  }
  return session;
}

interface Found {
  session: CDPSession;
  objectId: string;
  backendNodeId: number;
  ignored: boolean;
  /** The clean isolated world the object lives in (parts of the card are resolved there too). */
  contextId?: number;
}

async function call<T>(found: Pick<Found, 'session' | 'objectId'>, fn: string, args: unknown[] = []): Promise<T> {
  const { result, exceptionDetails } = await found.session.send('Runtime.callFunctionOn', {
    objectId: found.objectId,
    functionDeclaration: fn,
    arguments: args.map((value) => ({ value })),
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

interface FrameTreeNode {
  frame: { id: string; name?: string; url: string; urlFragment?: string };
  childFrames?: FrameTreeNode[];
}

/** The DevTools frame id of `target` in `session`'s frame tree (its root when the session is the target's own). */
function frameIdIn(tree: FrameTreeNode, target: Target, ownSession: boolean): string | null {
  if (ownSession || !isFrame(target) || target === target.page().mainFrame()) return tree.frame.id;
  const matches: FrameTreeNode[] = [];
  const visit = (node: FrameTreeNode) => {
    const url = node.frame.url + (node.frame.urlFragment ?? '');
    if (url === target.url() || node.frame.url === target.url()) matches.push(node);
    for (const child of node.childFrames ?? []) visit(child);
  };
  for (const child of tree.childFrames ?? []) visit(child);
  const named = matches.find((node) => (node.frame.name ?? '') === target.name());
  return (named ?? matches[0])?.frame.id ?? null;
}

const worlds = new WeakMap<CDPSession, Map<string, number>>();

/**
 * A clean isolated world of the target's frame, for everything the harness runs there: the page's own world may have
 * replaced getAttribute, hasAttribute or querySelector (the poisoned page does).
 */
async function cleanWorld(target: Target): Promise<{ session: CDPSession; contextId: number } | null> {
  const owners: (Page | Frame)[] = isFrame(target) && target !== target.page().mainFrame() ? [target] : [];
  owners.push(pageOf(target));
  for (const owner of owners) {
    const session = await sessionFor(owner);
    if (!session) continue;
    const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: FrameTreeNode };
    const frameId = frameIdIn(frameTree, target, owner === target && isFrame(target));
    if (!frameId) continue;
    let byFrame = worlds.get(session);
    if (!byFrame) worlds.set(session, (byFrame = new Map()));
    const known = byFrame.get(frameId);
    if (known !== undefined) {
      const alive = await session
        .send('Runtime.evaluate', { expression: 'document.URL', contextId: known, returnByValue: true })
        .then(() => true)
        .catch(() => false);
      if (alive) return { session, contextId: known };
    }
    const { executionContextId } = await session.send('Page.createIsolatedWorld', {
      frameId,
      worldName: 'yibao-lens-card-test',
    });
    byFrame.set(frameId, executionContextId);
    return { session, contextId: executionContextId };
  }
  return null;
}

interface DomNode {
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findDomNode(node: DomNode, wanted: (node: DomNode) => boolean): DomNode | null {
  if (wanted(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findDomNode(child, wanted);
    if (found) return found;
  }
  return null;
}

const hasRole = (role: string) => (node: DomNode) => {
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i += 2)
    if (attributes[i] === 'role' && attributes[i + 1] === role) return true;
  return false;
};

/**
 * The card's dialog in `target`'s document: the element with role dialog inside our host's (closed) shadow root,
 * confirmed by the accessibility tree as a dialog; null when no card is open.
 */
async function findDialog(target: Target, role = 'dialog'): Promise<Found | null> {
  const world = await cleanWorld(target);
  if (!world) return null;
  const { session, contextId } = world;
  await session.send('Runtime.releaseObjectGroup', { objectGroup: OBJECT_GROUP }).catch(() => undefined);
  const { result: host } = await session.send('Runtime.evaluate', {
    expression: `document.querySelector(${JSON.stringify(LENS_HOST_SELECTOR)})`,
    contextId,
    objectGroup: OBJECT_GROUP,
  });
  if (!host.objectId) return null;
  const { node } = (await session.send('DOM.describeNode', { objectId: host.objectId, depth: -1, pierce: true })) as {
    node: DomNode;
  };
  const dialogNode = (node.shadowRoots ?? []).map((root) => findDomNode(root, hasRole(role))).find(Boolean);
  if (!dialogNode) return null;
  const { nodes } = await session.send('Accessibility.getPartialAXTree', {
    backendNodeId: dialogNode.backendNodeId,
    fetchRelatives: false,
  });
  const ax = nodes.find((n) => n.backendDOMNodeId === dialogNode.backendNodeId);
  if (ax?.role?.value !== role) return null;
  const { object } = await session.send('DOM.resolveNode', {
    backendNodeId: dialogNode.backendNodeId,
    executionContextId: contextId,
    objectGroup: OBJECT_GROUP,
  });
  if (!object.objectId) return null;
  return {
    session,
    objectId: object.objectId,
    backendNodeId: dialogNode.backendNodeId,
    ignored: !!ax.ignored,
    contextId,
  };
}

async function boxOf(found: Found): Promise<Box | null> {
  try {
    const { model } = await found.session.send('DOM.getBoxModel', { objectId: found.objectId });
    const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
    const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  } catch {
    return null;
  }
}

const isShown = (found: Found) =>
  !found.ignored && call<boolean>(found, 'function () { return this.isConnected && this.checkVisibility(); }');

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout: number, what: string) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One element in the card (or the card itself), resolved afresh at every call. */
export class CardPart {
  constructor(
    private readonly target: Target,
    private readonly resolve: () => Promise<Found | null>,
    private readonly description: string,
  ) {}

  private async present(timeout = DEFAULT_TIMEOUT): Promise<Found> {
    return (await until(this.resolve, (found) => found !== null, timeout, `${this.description} attached`))!;
  }

  async count(): Promise<number> {
    return (await this.resolve()) ? 1 : 0;
  }

  async isVisible(): Promise<boolean> {
    const found = await this.resolve();
    return !!found && (await isShown(found));
  }

  async waitFor(options: { state?: State; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    const reached = async () => {
      const found = await this.resolve();
      if (state === 'attached') return !!found;
      if (state === 'detached') return !found;
      const shown = !!found && (await isShown(found));
      return state === 'visible' ? shown : !shown;
    };
    await until(reached, (ok) => ok, timeout, `${this.description} ${state}`);
  }

  async getAttribute(name: string): Promise<string | null> {
    return call(await this.present(), 'function (name) { return this.getAttribute(name); }', [name]);
  }

  async innerText(): Promise<string> {
    return call(await this.present(), 'function () { return this.innerText; }');
  }

  async textContent(): Promise<string | null> {
    return call(await this.present(), 'function () { return this.textContent; }');
  }

  /** Runs `fn(element, arg)` in the page, like Locator.evaluate (the function is sent as its source). */
  async evaluate<R, A = undefined>(fn: (element: HTMLElement, arg: A) => R, arg?: A): Promise<Awaited<R>> {
    return call<Awaited<R>>(await this.present(), `function (arg) { return (${fn.toString()})(this, arg); }`, [arg]);
  }

  /** Where the element is, in the page's coordinates (frames included), or null. */
  async boundingBox(): Promise<Box | null> {
    const found = await this.resolve();
    return found ? boxOf(found) : null;
  }

  /**
   * Clicks the element's middle with the real mouse (scrolled into view first if it is not, as Locator.click does):
   * the click is trusted, as the user's own.
   */
  async click(options: { timeout?: number } = {}): Promise<void> {
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    const found = await until(
      async () => {
        const part = await this.resolve();
        return part && (await isShown(part)) ? part : null;
      },
      (part) => part !== null,
      timeout,
      `${this.description} visible for a click`,
    );
    await call(
      found!,
      `function () {
        const r = this.getBoundingClientRect();
        let clip = { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
        for (let el = this.parentElement; el; el = el.parentElement) {
          if (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth) {
            const c = el.getBoundingClientRect();
            clip = { top: Math.max(clip.top, c.top), bottom: Math.min(clip.bottom, c.bottom), left: Math.max(clip.left, c.left), right: Math.min(clip.right, c.right) };
          }
        }
        if (r.top < clip.top || r.bottom > clip.bottom || r.left < clip.left || r.right > clip.right)
          this.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
      }`,
    );
    const box = await boxOf(found!);
    if (!box) throw new Error(`${this.description}: no box to click`);
    await pageOf(this.target).mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
}

/** The open card of a page or frame, with Playwright-like ways to reach into it. */
export class CardLocator extends CardPart {
  constructor(
    private readonly where: Target,
    private readonly role = 'dialog',
  ) {
    super(where, () => findDialog(where, role), role === 'dialog' ? 'the card' : `our ${role}`);
  }

  /** Elements matching a CSS selector inside the card (optionally containing `hasText`); `.first()`, `.nth(i)`. */
  locator(selector: string, options: { hasText?: string } = {}): CardParts {
    const all = async (index: number) => {
      const dialog = await findDialog(this.where, this.role);
      if (!dialog) return { dialog: null, count: 0, objectId: undefined };
      const list = `function (selector, text) {
        return [...this.querySelectorAll(selector)].filter((e) => !text || (e.textContent || '').includes(text));
      }`;
      const count = await call<number>(dialog, `function (s, t) { return (${list}).call(this, s, t).length; }`, [
        selector,
        options.hasText ?? '',
      ]);
      if (index >= count) return { dialog, count, objectId: undefined };
      const { result } = await dialog.session.send('Runtime.callFunctionOn', {
        objectId: dialog.objectId,
        functionDeclaration: `function (s, t, i) { return (${list}).call(this, s, t)[i]; }`,
        arguments: [{ value: selector }, { value: options.hasText ?? '' }, { value: index }],
        objectGroup: OBJECT_GROUP,
      });
      return { dialog, count, objectId: result.objectId };
    };
    return new CardParts(this.where, `the card's ${selector}${options.hasText ? ` “${options.hasText}”` : ''}`, all);
  }

  /**
   * Elements inside the card by their role and accessible name, as the accessibility tree has them. A string name
   * matches as Playwright's getByRole does (a part of the name, any case; `exact` for the whole name).
   */
  getByRole(role: string, options: { name?: string | RegExp; exact?: boolean } = {}): CardParts {
    const { name, exact } = options;
    const named = (accessibleName: string) =>
      name === undefined ||
      (name instanceof RegExp
        ? name.test(accessibleName)
        : exact
          ? accessibleName === name
          : accessibleName.toLowerCase().includes(name.toLowerCase()));
    const all = async (index: number) => {
      const dialog = await findDialog(this.where, this.role);
      if (!dialog) return { dialog: null, count: 0, objectId: undefined };
      const { nodes } = await dialog.session.send('Accessibility.queryAXTree', {
        backendNodeId: dialog.backendNodeId,
        role,
      });
      const shown = nodes.filter(
        (n) => !n.ignored && n.backendDOMNodeId !== undefined && named(String(n.name?.value ?? '')),
      );
      const node = shown[index];
      if (!node) return { dialog, count: shown.length, objectId: undefined };
      const { object } = await dialog.session.send('DOM.resolveNode', {
        backendNodeId: node.backendDOMNodeId,
        executionContextId: dialog.contextId,
        objectGroup: OBJECT_GROUP,
      });
      return { dialog, count: shown.length, objectId: object.objectId };
    };
    return new CardParts(this.where, `the card's ${role} “${String(name ?? '')}”`, all);
  }
}

type PartLookup = (index: number) => Promise<{ dialog: Found | null; count: number; objectId: string | undefined }>;

/** A set of elements in the card; acting on it acts on its first element, as a Playwright locator with one match. */
export class CardParts extends CardPart {
  constructor(
    private readonly place: Target,
    private readonly label: string,
    private readonly lookup: PartLookup,
    index = 0,
  ) {
    super(
      place,
      async () => {
        const { dialog, objectId } = await lookup(index);
        if (!dialog || !objectId) return null;
        const { node } = await dialog.session.send('DOM.describeNode', { objectId });
        return {
          session: dialog.session,
          objectId,
          backendNodeId: node.backendNodeId,
          ignored: false,
          contextId: dialog.contextId,
        };
      },
      label,
    );
  }

  override async count(): Promise<number> {
    return (await this.lookup(0)).count;
  }

  first(): CardParts {
    return this.nth(0);
  }

  nth(index: number): CardParts {
    return new CardParts(this.place, `${this.label} #${index}`, this.lookup, index);
  }
}

/** The card open in a page or frame (see the file's comment). */
export const cardOf = (target: Target) => new CardLocator(target);
/** The short note our host shows on the page (role status: 已不再标出… with 撤销), reached like the card. */
export const noteOf = (target: Target) => new CardLocator(target, 'status');

/** True while the keyboard focus is in our card (the page sees only our host as the active element). */
export const focusInCard = (target: Target) =>
  target.evaluate((attribute) => document.activeElement?.hasAttribute(attribute) ?? false, LENS_HOST_ATTRIBUTE);
