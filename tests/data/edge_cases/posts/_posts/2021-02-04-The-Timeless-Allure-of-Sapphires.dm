```markdown
---
title: Sapphires
categories: Gemstones, Mining
---
```
