import { Flex, Slider, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useFormat } from '../i18n/format.js';

/**
 * A score from 0 to 1 on a slider, shown as a percentage. It tells its value when the handle is
 * let go, not while it moves: each change may ask the server for a new preview.
 */
export function ScoreSlider({ label, value, onChange }: { label: string; value: number; onChange: (next: number) => void }) {
  const format = useFormat();
  const [moving, setMoving] = useState(value);
  useEffect(() => setMoving(value), [value]);
  const percent = (score: number) => format.number(score, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Flex vertical gap={0}>
      <Typography.Text>{label}: <Typography.Text strong>{percent(moving)}</Typography.Text></Typography.Text>
      <Slider
        min={0} max={1} step={0.01} value={moving} style={{ maxWidth: 360 }}
        tooltip={{ formatter: (score) => (score === undefined ? '' : percent(score)) }}
        ariaLabelForHandle={label}
        onChange={setMoving} onChangeComplete={onChange}
      />
    </Flex>
  );
}
