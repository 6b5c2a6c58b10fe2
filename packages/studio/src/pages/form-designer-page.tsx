/** Placeholder until its page lands. */
export default function FormDesignerPage() {
  return null;
}
