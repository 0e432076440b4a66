/**
 * 「本页写的是」: one line in the card's first view with the values the page itself states for this term, each a
 * link to where the page says it. What does not fit scrolls sideways within the line (the popup lists them all).
 */
export interface PageNumbersLineProps {
  links: { index: number; text: string }[];
  onReveal(index: number): void;
}

export function PageNumbersLine({ links, onReveal }: PageNumbersLineProps) {
  return (
    <p className="yl-page-numbers">
      <span className="yl-page-numbers-label">本页写的是：</span>
      {links.map((link, i) => (
        <span key={link.index}>
          {i > 0 && '；'}
          <button
            type="button"
            className="yl-link"
            aria-label={`${link.text}，在页面上查看`}
            onClick={() => onReveal(link.index)}
          >
            {link.text}
          </button>
        </span>
      ))}
    </p>
  );
}
