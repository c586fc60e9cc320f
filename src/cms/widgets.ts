// The web editor's own widgets and preview (browser), built on what Decap's bundle puts on `window` (React's
// createElement as `h`, create-react-class as `createClass`) so the page loads no second React:
// - the date field, shown and typed as 2022年4月19日 (src/lib/cms/dates.ts), stored as YYYY-MM-DD;
// - 版次 and 版内顺序, Decap's number field that also refuses a 版 the edition lacks and a taken position
//   (src/lib/cms/placement.ts), against the editions and articles read through Decap's backend;
// - the article preview, laid out with the site's own article styles.
import { EDITION_COLLECTION, ARTICLE_COLLECTION, KIND_KEY } from '../lib/cms/config.ts';
import { dateError, parseDate, showDate } from '../lib/cms/dates.ts';
import { editionIndex, placementProblems, type EditionIndex, type ListedEntry } from '../lib/cms/placement.ts';
import { bylineGroups } from '../lib/format.ts';
import { splitBylineRole } from '../lib/schema.ts';
import { normalizeCjkPunctuation as zh } from '../lib/typography.ts';

type Props = Record<string, unknown> & {
  value?: unknown;
  onChange(value: unknown): void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  field: { get(key: string): unknown };
};
type Element = unknown;
type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;
type CreateClass = (spec: Record<string, unknown>) => unknown;
interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  toJS(): Record<string, unknown>;
}
type Query = (namespace: string, collection: string, fields: string[], term: string) => Promise<{ payload?: { hits?: ListedEntry[] } }>;

interface Win {
  h: H;
  createClass: CreateClass;
}
const win = () => window as unknown as Win;

/** A field's error in the form Decap shows under the field. */
const fieldError = (message: string) => ({ error: { type: 'CUSTOM', message } });

// ---- The editions and articles, read through Decap's backend ------------------------------------------------------

let index: EditionIndex | undefined;
let reading: Promise<EditionIndex | undefined> | undefined;

/**
 * Reads every edition.yaml and article on the branch Decap reads (the git host's, or decap-server's in dev), once per
 * opened form: editions made after the site was built are known as soon as they are published. Entries are searched
 * by the transient kind list the formats add (`cms_kind.*`), which every file that could be read has.
 */
export function readIndex(query: Query, namespace: string): Promise<EditionIndex | undefined> {
  reading ??= Promise.all([
    query(namespace, EDITION_COLLECTION, [`${KIND_KEY}.*`], ''),
    query(namespace, ARTICLE_COLLECTION, [`${KIND_KEY}.*`], ''),
  ])
    .then(([editions, articles]) => {
      index = editionIndex(editions.payload?.hits ?? [], articles.payload?.hits ?? []);
      return index;
    })
    .catch((error: unknown) => {
      console.error('editor: could not read the editions', error);
      return undefined;
    })
    .finally(() => {
      reading = undefined;
    });
  return reading;
}

/** The index as last read (undefined before the first read finished). */
export const currentIndex = (): EditionIndex | undefined => index;

// ---- Widgets -------------------------------------------------------------------------------------------------------

/** The date field: a text box showing 2022年4月19日, taking that or 2022-04-19, storing YYYY-MM-DD. */
export function dateControl(): unknown {
  const { h, createClass } = win();
  return createClass({
    getInitialState(this: { props: Props }) {
      return { text: showDate(this.props.value) };
    },
    componentDidUpdate(this: { props: Props; state: { text: string }; setState(s: object): void }, previous: Props) {
      // A value set from outside (Decap loading or resetting the form): show it, unless it is what is being typed.
      if (previous.value !== this.props.value && parseDate(this.state.text) !== (this.props.value ?? ''))
        this.setState({ text: showDate(this.props.value) });
    },
    isValid(this: { state: { text: string } }) {
      const error = dateError(this.state.text);
      return error ? fieldError(error) : true;
    },
    render(this: { props: Props; state: { text: string }; setState(s: object): void }) {
      const { forID, classNameWrapper, setActiveStyle, setInactiveStyle, onChange } = this.props;
      return h('input', {
        id: forID,
        type: 'text',
        inputMode: 'numeric',
        autoComplete: 'off',
        placeholder: '2022年4月19日',
        className: classNameWrapper,
        value: this.state.text,
        onFocus: setActiveStyle,
        onBlur: () => {
          setInactiveStyle();
          const stored = parseDate(this.state.text);
          if (stored) this.setState({ text: showDate(stored) });
        },
        onChange: (event: { target: { value: string } }) => {
          const text = event.target.value;
          this.setState({ text });
          const stored = parseDate(text);
          if (stored !== undefined) onChange(stored);
        },
      });
    },
  });
}

/** How a stored date looks in the preview and the entry list's cards. */
export function datePreview(): unknown {
  const { h } = win();
  return ({ value }: { value?: unknown }) => h('span', null, showDate(value));
}

/**
 * 版次 and 版内顺序: Decap's number field, which also refuses what the checker would (a 版 the edition does not have,
 * a position another article holds), shown under the field, with the checker's words.
 */
export function placementControl(numberControl: unknown): unknown {
  const { h, createClass } = win();
  return createClass({
    componentDidMount(this: { props: Props }) {
      void readIndex(this.props['query'] as Query, this.props.forID);
    },
    isValid(this: { props: Props; inner?: { isValid?: () => unknown } }) {
      const own = this.inner?.isValid?.();
      if (own !== undefined && own !== true && own !== null && typeof own === 'object' && (own as { error?: unknown }).error) return own;
      const getEntry = this.props['getEntry'] as (() => ImmutableLike) | undefined;
      const entry = getEntry ? getEntry() : (this.props['entry'] as ImmutableLike | undefined);
      if (!entry) return true;
      const data = (entry.get('data') as ImmutableLike | undefined)?.toJS() ?? {};
      const slug = entry.get('newRecord') ? undefined : (entry.get('slug') as string | undefined);
      const name = this.props.field.get('name');
      const problem = placementProblems(data, slug, currentIndex()).find((p) => p.field === name);
      return problem ? fieldError(problem.message) : true;
    },
    render(this: { props: Props; inner?: unknown }) {
      return h(numberControl, {
        ...this.props,
        ref: (inner: unknown) => {
          this.inner = inner ?? undefined;
        },
      });
    },
  });
}

// ---- Preview -------------------------------------------------------------------------------------------------------

interface PreviewProps {
  entry: ImmutableLike;
  widgetFor(name: string): Element;
}

/** The article as its page shows it: 引题, 主题, 副题, 署名, the date and 版, then 正文 (src/components/ArticleView.astro). */
export function articlePreview(): unknown {
  const { h, createClass } = win();
  return createClass({
    render(this: { props: PreviewProps }) {
      const data = this.props.entry.get('data') as ImmutableLike;
      const text = (name: string) => {
        const value = data.get(name);
        return typeof value === 'string' && value.trim() !== '' ? zh(value.trim()) : undefined;
      };
      const listed = (data.get('byline') as ImmutableLike | undefined)?.toJS() as unknown;
      const lines = Array.isArray(listed) ? listed.filter((l): l is string => typeof l === 'string' && l.trim() !== '') : [];
      const byline = lines.map((line) => {
        const split = splitBylineRole(line.trim());
        return split ? { role: split.role, name: split.name } : { name: line.trim() };
      });
      const groups = bylineGroups(byline);
      const date = showDate(data.get('date'));
      const page = data.get('page');
      const source = [text('source'), text('dateline')].filter(Boolean).join('');
      return h(
        'article',
        { className: 'article' },
        h(
          'header',
          { className: 'article__header' },
          h(
            'hgroup',
            { className: 'headline headline--h1' },
            text('kicker') && h('p', { className: 'headline__kicker' }, text('kicker')),
            h('h1', { className: 'headline__title' }, text('title') ?? '（主题）'),
            text('subtitle') && h('p', { className: 'headline__subtitle' }, text('subtitle')),
          ),
          groups.length > 0 &&
            h(
              'p',
              { className: 'byline' },
              ...groups.map((g) =>
                h(
                  'span',
                  { className: 'byline__group' },
                  g.role && g.role !== '摄影' && h('span', { className: 'byline__role' }, g.role),
                  ...g.names.map((name) => h('span', { className: 'byline__name' }, `${name} `)),
                  g.role === '摄影' && h('span', { className: 'byline__role' }, '摄'),
                ),
              ),
            ),
          h(
            'ul',
            { className: 'meta' },
            date && h('li', null, date),
            typeof page === 'number' && h('li', null, `第${page}版`),
            text('category') && h('li', null, text('category')),
            text('county') && h('li', null, text('county')),
          ),
        ),
        h('div', { className: 'article__body' }, source && h('p', { className: 'dateline' }, source), this.props.widgetFor('body')),
      );
    },
  });
}
