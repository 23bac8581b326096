import { randomUUID } from 'node:crypto';

/** Print views waiting for the browser to open and print them, each under a random id. */
export class PrintPages {
  private readonly pages = new Map<string, string>();

  /** Keeps the HTML until `remove`; returns the id of its page. */
  add(html: string): string {
    const id = randomUUID();
    this.pages.set(id, html);
    return id;
  }

  get(id: string): string | undefined {
    return this.pages.get(id);
  }

  remove(id: string): void {
    this.pages.delete(id);
  }
}
