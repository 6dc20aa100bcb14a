/** The participant's page, which a manage token opens: every email and text links to it. */
export function manageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/r/${token}`;
}
