// What antd needs from a browser that jsdom lacks.
import '@testing-library/jest-dom';
import { TextEncoder } from 'node:util';
import { configure } from '@testing-library/react';

// antd forms in jsdom on a busy 2-core CI machine: a validation message can take seconds to render.
// This is how long findBy/waitFor keep looking, not a speed requirement.
configure({ asyncUtilTimeout: 10_000 });
// react-router and qrcode encode with TextEncoder, which jsdom lacks.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
const { getComputedStyle } = window;
// jsdom implements no pseudo-elements (asking logs "Not implemented"): answer the element's own style.
window.getComputedStyle = (elt: Element) => getComputedStyle(elt);
// rc-field-form schedules with MessageChannel, which jsdom lacks; Node's keeps jest alive, so a
// setTimeout one that delivers each message once.
if (typeof (globalThis as { MessageChannel?: unknown }).MessageChannel === 'undefined') {
  class Port {
    onmessage: ((e: { data: unknown }) => void) | null = null;
    other!: Port;
    postMessage(data: unknown) {
      setTimeout(() => this.other.onmessage?.({ data }), 0);
    }
    start() {}
    close() {}
  }
  (globalThis as { MessageChannel?: unknown }).MessageChannel = class {
    port1 = new Port();
    port2 = new Port();
    constructor() {
      this.port1.other = this.port2;
      this.port2.other = this.port1;
    }
  };
}
