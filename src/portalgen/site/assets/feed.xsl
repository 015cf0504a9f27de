<?xml version="1.0" encoding="UTF-8"?>
<!-- portalgen: an Atom feed opened in a browser becomes a readable page that says what a
     feed is and how to follow it, then lists its entries as links. Feed readers ignore this.
     Its stylesheet, feed.css, sits beside this file: its address is read from the feed's own
     xml-stylesheet instruction, so it works wherever the site is published. The build puts
     the pages' security policy in place of PORTALGEN_POLICY. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>

  <xsl:variable name="instruction" select="/processing-instruction('xml-stylesheet')"/>
  <xsl:variable name="folder"
      select="substring-before(substring-after($instruction, 'href=&quot;'), 'feed.xsl')"/>

  <xsl:template match="/atom:feed">
    <html lang="en-GB">
      <head>
        <meta charset="utf-8"/>
        <meta http-equiv="Content-Security-Policy" content="PORTALGEN_POLICY"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="atom:title"/> (feed)</title>
        <link rel="stylesheet" href="{$folder}feed.css"/>
      </head>
      <body>
        <header class="pg-feed-header">
          <p><a href="{atom:link[@rel='alternate']/@href}">Back to the page this feed follows</a></p>
        </header>
        <main>
          <article>
            <p class="pg-feed-kind">Feed</p>
            <h1><xsl:value-of select="atom:title"/></h1>
            <div class="pg-feed-about">
              <p>This is a feed: a list of what is new on a page of this portal, newest
                first. You do not need it to read the portal.</p>
              <p>To hear of new statuses, meetings and data without coming back to check,
                copy this address into a feed reader (an app or website that follows
                feeds, also called an RSS reader):</p>
              <p class="pg-feed-address"><xsl:value-of select="atom:link[@rel='self']/@href"/></p>
            </div>
            <h2>What is new</h2>
            <xsl:choose>
              <xsl:when test="atom:entry">
                <ol class="pg-feed-entries">
                  <xsl:apply-templates select="atom:entry"/>
                </ol>
              </xsl:when>
              <xsl:otherwise>
                <p>Nothing has been added to this feed yet.</p>
              </xsl:otherwise>
            </xsl:choose>
            <p class="pg-feed-rights"><xsl:value-of select="atom:rights"/></p>
          </article>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="pg-feed-date">
        <time datetime="{substring(atom:updated, 1, 10)}">
          <xsl:call-template name="date">
            <xsl:with-param name="iso" select="atom:updated"/>
          </xsl:call-template>
        </time>
      </p>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>

  <!-- 2014-03-27T00:00:00+00:00 → 27 March 2014, as GOV.UK writes dates. -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:variable name="months"
        select="'January  February March    April    May      June     July     August   SeptemberOctober  November December '"/>
    <xsl:variable name="month" select="number(substring($iso, 6, 2))"/>
    <xsl:value-of select="number(substring($iso, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="normalize-space(substring($months, ($month - 1) * 9 + 1, 9))"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($iso, 1, 4)"/>
  </xsl:template>
</xsl:stylesheet>
