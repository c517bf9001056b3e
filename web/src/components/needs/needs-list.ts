/** NeedsListPanel's search fields and columns, by name (each screen picks those that make sense for it). */
export type NeedSearchKey = 'keyword' | 'status' | 'category' | 'grid' | 'myUnit' | 'reported' | 'resolved' | 'overdue';
export type NeedColumnKey = 'title' | 'status' | 'progress' | 'grid' | 'location' | 'category' | 'description' | 'reportedAt' | 'dueAt' | 'assignee';
