/** A property name as an enum value name: `value` → `VALUE`, `endDate` → `END_DATE`. */
export function constantCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
