// The article page's reading tools in the browser (src/components/ArticleTools.astro, ShareBox.astro): remembers the
// text size (字号) across pages, shows and runs the print button (打印) and the copy-link button (复制链接). The page
// works without this script: the text size applies by CSS alone, and the address stays in a field to select.

/** Where the chosen text size is kept. */
const SIZE_KEY = 'hebei-fazhibao:text-size';

function stored(): string | null {
  try {
    return localStorage.getItem(SIZE_KEY);
  } catch {
    return null; // storage refused (private mode, blocked cookies): the choice lasts for this page only
  }
}

function store(value: string): void {
  try {
    localStorage.setItem(SIZE_KEY, value);
  } catch {
    // not remembered; the page still shows the chosen size
  }
}

const sizes = document.querySelectorAll<HTMLInputElement>('input[name="text-size"]');
const saved = stored();
for (const radio of sizes) {
  if (radio.value === saved) radio.checked = true;
  radio.addEventListener('change', () => {
    if (radio.checked) store(radio.value);
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
  const field = document.getElementById(button.dataset['copyLink'] ?? '') as HTMLInputElement | null;
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  if (!field) continue;
  button.hidden = false;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const selectField = () => {
    field.focus();
    field.select();
    say('请长按或按 Ctrl+C 复制上面的链接');
  };
  button.addEventListener('click', () => {
    if (!navigator.clipboard) {
      selectField();
      return;
    }
    navigator.clipboard.writeText(field.value).then(() => say('链接已复制'), selectField);
  });
}
