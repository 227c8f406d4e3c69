/** "Agent", "Supervisor": roles as words, whatever new role the service adds. */
export function roleLabel(role: string): string {
  const words = role.replace(/[_-]+/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Unknown role'
}
