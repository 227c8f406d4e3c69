// The one monospace stack for ids, validator messages and addresses a person may copy exactly.
export const MONOSPACE = 'ui-monospace, "Roboto Mono", "Cascadia Mono", Menlo, monospace'
