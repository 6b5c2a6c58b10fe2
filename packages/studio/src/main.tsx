import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { messages, type Locale } from './messages.js';

interface ObjectSummary { name: string; label: Record<Locale, string>; fields: { name: string; label: Record<Locale, string>; type: string }[] }
interface Page { data: Record<string, unknown>[]; page: { total?: number } }

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The minimal studio: the default workspace's objects and a table of each object's records. */
function App() {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [objects, setObjects] = useState<ObjectSummary[]>([]);
  const [selected, setSelected] = useState<string>();
  const [page, setPage] = useState<Page>();
  const [failed, setFailed] = useState(false);
  const text = messages[locale];

  // Screen readers and the browser's own translation read the page's language from <html lang>.
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);

  useEffect(() => {
    getJson<{ blueprint: { objects: ObjectSummary[] } }>('/api/w/default/blueprint')
      .then((body) => { setObjects(body.blueprint.objects); setSelected(body.blueprint.objects[0]?.name); })
      .catch(() => setFailed(true));
  }, []);
  useEffect(() => {
    if (!selected) return;
    setPage(undefined);
    getJson<Page>(`/api/w/default/data/${selected}?limit=50&count=true`).then(setPage).catch(() => setFailed(true));
  }, [selected]);

  const object = objects.find((candidate) => candidate.name === selected);
  const columns = (object?.fields ?? []).filter((field) => !['relation', 'json', 'long_text'].includes(field.type)).slice(0, 8);
  return (
    <div style={{ display: 'flex', fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif', minHeight: '100vh' }}>
      <nav style={{ width: 220, borderRight: '1px solid #ddd', padding: 16 }}>
        <h1 style={{ fontSize: 18 }}>{text.title}</h1>
        <button onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>{text.language}</button>
        <h2 id="objects-heading" style={{ fontSize: 14, marginTop: 16 }}>{text.objects}</h2>
        <ul aria-labelledby="objects-heading" style={{ listStyle: 'none', padding: 0 }}>
          {objects.map((candidate) => (
            <li key={candidate.name}>
              <a href={`#${candidate.name}`} onClick={() => setSelected(candidate.name)} style={{ fontWeight: candidate.name === selected ? 700 : 400 }}>
                {candidate.label[locale]}
              </a>
            </li>
          ))}
        </ul>
        <a href="/api/openapi.json">{text.api}</a>
      </nav>
      <main style={{ flex: 1, padding: 16, overflow: 'auto' }}>
        {failed && <p role="alert">{text.error}</p>}
        {object && <h2>{object.label[locale]} <small>{page?.page.total !== undefined ? text.total.replace('{n}', String(page.page.total)) : text.loading}</small></h2>}
        {page && (
          <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
            <thead><tr>{columns.map((field) => <th key={field.name} style={{ textAlign: 'left', borderBottom: '1px solid #ccc', padding: 4 }}>{field.label[locale]}</th>)}</tr></thead>
            <tbody>
              {page.data.map((record) => (
                <tr key={String(record.id)}>{columns.map((field) => <td key={field.name} style={{ padding: 4, borderBottom: '1px solid #eee' }}>{display(record[field.name])}</td>)}</tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
