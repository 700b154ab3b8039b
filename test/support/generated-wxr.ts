/**
 * A generated WordPress export: authors, `terms` categories and tags, then `posts` posts numbered
 * from `firstId`, each with a category and a tag. Yielded part by part (one item at a time), so a
 * large one can be written out or streamed without ever being held whole.
 */
export function* generatedWxr({
  posts,
  terms = 2,
  firstId = 1,
}: {
  posts: number
  terms?: number
  firstId?: number
}): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://old.example</wp:base_blog_url>
`
  for (let a = 0; a < 20; a++)
    yield `<wp:author><wp:author_login><![CDATA[auteur-${a}]]></wp:author_login><wp:author_display_name><![CDATA[Auteur ${a}]]></wp:author_display_name></wp:author>\n`
  for (let t = 0; t < terms; t++)
    yield t % 2 === 0
      ? `<wp:category><wp:term_id>${t}</wp:term_id><wp:category_nicename><![CDATA[categorie-${t}]]></wp:category_nicename><wp:cat_name><![CDATA[Catégorie ${t}]]></wp:cat_name></wp:category>\n`
      : `<wp:tag><wp:term_id>${t}</wp:term_id><wp:tag_slug><![CDATA[etiquette-${t}]]></wp:tag_slug><wp:tag_name><![CDATA[Étiquette ${t}]]></wp:tag_name></wp:tag>\n`
  for (let p = firstId; p < firstId + posts; p++) {
    const day = String((p % 28) + 1).padStart(2, '0')
    const month = String((p % 12) + 1).padStart(2, '0')
    const year = 2010 + (p % 14)
    const category = (p * 2) % terms
    yield `<item><title><![CDATA[Billet ${p} : l’hôtel « idéal »]]></title>
<link>https://old.example/${year}/${month}/billet-${p}/</link>
<dc:creator><![CDATA[auteur-${p % 20}]]></dc:creator>
<guid isPermaLink="false">https://old.example/?p=${p}</guid>
<content:encoded><![CDATA[<!-- wp:paragraph --><p>Le petit-déjeuner est le dernier souvenir d’un séjour, écrit pour le billet ${p}.</p><!-- /wp:paragraph -->
<h2>Une section</h2><ul><li>un</li><li>deux</li></ul><blockquote><p>Une citation.</p></blockquote>
<p>Voir <a href="https://example.org/${p}">la source</a> et <strong>le reste</strong>.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${p}</wp:post_id>
<wp:post_date_gmt><![CDATA[${year}-${month}-${day} 08:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[billet-${p}]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="categorie-${category}"><![CDATA[Catégorie]]></category>
<category domain="post_tag" nicename="etiquette-${category + 1}"><![CDATA[Étiquette]]></category>
</item>
`
  }
  yield '</channel></rss>\n'
}
