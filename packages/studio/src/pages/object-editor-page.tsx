/** Placeholder until its page lands. */
export default function ObjectEditorPage() {
  return null;
}
