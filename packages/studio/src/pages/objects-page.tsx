/** Placeholder until its page lands. */
export default function ObjectsPage() {
  return null;
}
