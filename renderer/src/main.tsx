import { setAutoFreeze } from 'immer';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installTestHook } from './testHook';
import './styles.css';

// Edits do not freeze the document: the first edit of a 10,000-project document froze every
// object of it (about 150–250 ms before the key's frame). Nothing in the window writes to a
// document except through edits (shared/edit), whose unit tests run with freezing on.
setAutoFreeze(false);
installTestHook();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
