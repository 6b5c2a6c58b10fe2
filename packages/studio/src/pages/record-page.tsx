/** Placeholder until its page lands. */
export default function RecordPage() {
  return null;
}
