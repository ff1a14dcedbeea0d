// Minimal types for cytoscape-edgehandles 4 (the package ships none).
declare module 'cytoscape-edgehandles' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}
