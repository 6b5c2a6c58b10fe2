/** Placeholder until its page lands. */
export default function SearchPage() {
  return null;
}
