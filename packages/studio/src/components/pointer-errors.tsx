import { Typography } from 'antd';
import { createContext, useContext } from 'react';
import type { PointerError } from '../api/api-error.js';
import { pointerText } from '../api/error-text.js';
import { useLocale } from '../i18n/index.js';

/** The located errors of the last save, pointers relative to the document being edited. */
export const PointerErrorsContext = createContext<PointerError[]>([]);

function matches(pointer: string, at: string, exact: boolean): boolean {
  return pointer === at || (!exact && pointer.startsWith(`${at}/`));
}

/** The messages of the errors at (or, unless exact, under) a JSON pointer, shown where the mistake is. */
export function PointerErrors({ at, exact = false }: { at: string; exact?: boolean }) {
  const errors = useContext(PointerErrorsContext);
  const locale = useLocale();
  const here = errors.filter((error) => matches(error.pointer, at, exact));
  if (here.length === 0) return null;
  return (
    <div role="alert">
      {here.map((error, index) => <Typography.Text key={index} type="danger" style={{ display: 'block', fontSize: 12 }}>{pointerText(error, locale)}</Typography.Text>)}
    </div>
  );
}

/** The JSON pointer of a path (each part escaped as RFC 6901 says). */
export function pointerOf(...parts: (string | number)[]): string {
  return parts.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
