import type { PropsWithChildren } from 'react';
import { z } from 'zod';
import './app.scss';

// WeChat forbids `new Function`; keep zod on its interpreted path everywhere.
z.config({ jitless: true });

/** The app shell: Taro renders the current page as children. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
