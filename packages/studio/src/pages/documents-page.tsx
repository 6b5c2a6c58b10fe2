/** Placeholder until its page lands. */
export default function DocumentsPage() {
  return null;
}
