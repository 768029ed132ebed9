import type { PropsWithChildren } from 'react';
import { z } from 'zod';
import { IS_H5 } from './config';
import { installRouteGuard } from './services/h5-route-guard';
import './app.scss';

// WeChat forbids `new Function`; keep zod on its interpreted path everywhere.
z.config({ jitless: true });

// An edited address in the browser never leaves a blank page (see the guard).
if (IS_H5 && typeof window !== 'undefined') installRouteGuard();

/** The app shell: Taro renders the current page as children. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
