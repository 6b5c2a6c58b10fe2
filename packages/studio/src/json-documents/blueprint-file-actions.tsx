import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Blueprint } from '../api/documents.js';
import { exportBlueprint } from './export-blueprint.js';
import { readJsonFile, type ReadJsonFile } from './read-json-file.js';

/** Export of the applied blueprint as a file, and import of a blueprint file (read here, handed to the page). */
export function BlueprintFileActions({ slug, version, blueprint, onFile }: {
  slug: string; version: number; blueprint: Blueprint; onFile: (name: string, file: ReadJsonFile) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const choose = async (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (file) onFile(file.name, await readJsonFile(file));
  };
  return (
    <>
      <Button icon={<DownloadOutlined aria-hidden />} onClick={() => exportBlueprint(slug, version, blueprint)}>{t('views.documents.export', { version })}</Button>
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => input.current?.click()}>{t('views.documents.import')}</Button>
      <input
        ref={input} type="file" accept=".json,application/json" hidden aria-label={t('views.documents.importFile')}
        onChange={(event) => void choose(event.target.files?.[0])}
      />
    </>
  );
}
