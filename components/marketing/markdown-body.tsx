/** HTML rendered from our own Markdown under content/ (reviewed in the repository, never user input). */
export function MarkdownBody({ html }: { html: string }) {
  return <div className="prose-tandem" dangerouslySetInnerHTML={{ __html: html }} />;
}
