import type { TestProjectInlineConfiguration } from 'vitest/config';

export function testProjects(root?: string, extra?: { setupFiles?: string[] }): TestProjectInlineConfiguration[];
