import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { api, seg } from '../api/client.js';
import { withCard, withoutCard, type Lane, type LaneData } from './kanban-lanes.js';
import { recordsKey, type RecordRow } from './use-records.js';

/**
 * Moves a card to another lane: shown there at once, then PATCHed with the version the card was
 * read at. A failure puts both lanes back as they were and keeps the error to show; a 409 (the
 * record changed meanwhile) offers to reload the board.
 */
export function useKanbanMove(slug: string, object: string, groupBy: string, keyOf: (lane: Lane) => readonly unknown[]) {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const reload = () => client.invalidateQueries({ queryKey: recordsKey(slug, object) });
  const move = async (card: RecordRow, from: Lane, to: Lane) => {
    if (from.key === to.key) return;
    const id = String(card.id);
    const [fromKey, toKey] = [keyOf(from), keyOf(to)];
    await Promise.all([client.cancelQueries({ queryKey: fromKey }), client.cancelQueries({ queryKey: toKey })]);
    const before = [client.getQueryData<LaneData>(fromKey), client.getQueryData<LaneData>(toKey)] as const;
    const moved: RecordRow = { ...card, [groupBy]: to.value };
    client.setQueryData<LaneData>(fromKey, (data) => data && withoutCard(data, id));
    client.setQueryData<LaneData>(toKey, (data) => data && withCard(data, moved));
    setError(undefined);
    try {
      const answer = await api.patch<{ data: RecordRow }>(`/api/w/${seg(slug)}/data/${seg(object)}/${seg(id)}`, { [groupBy]: to.value, version: card.version });
      // Only the version is taken from the answer: the card keeps its embedded relations.
      client.setQueryData<LaneData>(toKey, (data) => data && withCard(data, { ...moved, version: answer.data.version }));
    } catch (failure) {
      client.setQueryData(fromKey, before[0]);
      client.setQueryData(toKey, before[1]);
      setError(failure);
      if (failure instanceof ApiError && failure.status === 409) {
        modal.confirm({ title: t('list.kanban.conflictTitle'), content: t('list.kanban.conflictText'), okText: t('list.reload'), onOk: () => { setError(undefined); return reload(); } });
      }
    }
  };
  return { move, error, clearError: () => setError(undefined) };
}
