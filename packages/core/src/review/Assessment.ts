/** A tutor's or jury's assessment of one node on its scale. */
export interface Assessment {
  nodeId: string;
  /** A level id of the node's scale. */
  level: string;
  feedback?: string;
  by: string;
  /** ISO 8601; the latest assessment of a node is the one that counts. */
  at: string;
}
