/** Placeholder until its page lands. */
export default function ViewsPage() {
  return null;
}
