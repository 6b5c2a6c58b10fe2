/** Placeholder until its page lands. */
export default function VersionsPage() {
  return null;
}
