export { main } from './main.js';
export { processIo, type Io } from './Io.js';
export { CliError, isCliError } from './CliError.js';
export { DEFAULT_DB, describeDbTarget, parseDbTarget, type DbTarget } from './dbTarget.js';
export { generateCommands, type GenerateOptions } from './generateCommands.js';
export { machineToMermaid, type DiagramNode } from './machineToMermaid.js';
