// The framework's floor for the benchmark: bare Astro with its default Markdown processor, one page
// per article, nothing else. `npm run bench` builds the same archive with this and with the project.
import { defineConfig } from 'astro/config';

export default defineConfig({
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
