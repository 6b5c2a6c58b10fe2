import { Form, type FormItemProps } from 'antd';
import { useContext } from 'react';
import { PointerErrors, PointerErrorsContext } from '../components/pointer-errors.js';

/** A form item that also shows the server's errors at its JSON pointer (relative to the field being edited). */
export function PointerItem({ pointer, extra, ...props }: FormItemProps & { pointer: string }) {
  const errors = useContext(PointerErrorsContext);
  const failing = errors.some((error) => error.pointer === pointer || error.pointer.startsWith(`${pointer}/`));
  return <Form.Item {...props} {...(failing ? { validateStatus: 'error' as const } : {})} extra={<>{extra}<PointerErrors at={pointer} /></>} />;
}
