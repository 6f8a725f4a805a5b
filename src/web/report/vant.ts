// Vant, picked by hand: the button and the spinner and their styles — without Vant's icon font
// (45 kB of CSS that the resolver would add with any button) and without its popup machinery
// (the toast below is a few lines); the few icons are inline SVG.
import 'vant/es/style/base.css';
import 'vant/es/loading/index.css';
import 'vant/es/button/index.css';

export { Button as VanButton } from 'vant/es/button';
export { Loading as VanLoading } from 'vant/es/loading';
